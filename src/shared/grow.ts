type TypedArray = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array;

/** A copy of a typed array in a new one of `size` elements (never fewer than it has): arrays that grow by doubling. */
export function grown<T extends TypedArray>(array: T, size: number): T {
  const next = new (array.constructor as new (length: number) => T)(Math.max(size, array.length));
  next.set(array);
  return next;
}

type SharedArrayType<T> = { new (buffer: SharedArrayBuffer): T; readonly BYTES_PER_ELEMENT: number };

/**
 * A copy of a typed array in a new one of `size` elements on shared memory, which a worker thread
 * reads without a copy of its own.
 */
export function grownShared<T extends TypedArray>(array: ArrayLike<number>, type: SharedArrayType<T>, size: number): T {
  const next = new type(new SharedArrayBuffer(Math.max(size, array.length) * type.BYTES_PER_ELEMENT));
  next.set(array);
  return next;
}
