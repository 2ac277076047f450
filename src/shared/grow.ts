type TypedArray = Int32Array | Uint32Array | Uint8Array | Float64Array;

/** A copy of a typed array in a new one of `size` elements (never fewer than it has): arrays that grow by doubling. */
export function grown<T extends TypedArray>(array: T, size: number): T {
  const next = new (array.constructor as new (length: number) => T)(Math.max(size, array.length));
  next.set(array);
  return next;
}
