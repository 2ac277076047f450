// unzipper ships no types; dqc uses only Open.file (src/input/xlsx-zip.ts), whose directory it reads
// through its own narrow interface there.
declare module 'unzipper' {
  const unzipper: { Open: { file(path: string): Promise<unknown> } };
  export default unzipper;
}
