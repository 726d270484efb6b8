// Node's Buffer in the browser, for the .xlsx reader the CLI uses (src/cli/xlsx), which the pane
// reads last year's or the municipal files with. webpack provides it as the global `Buffer`.
// `buffer/` is the npm package (feross/buffer, as webpack 4 bundled it), not Node's module.
// eslint-disable-next-line no-restricted-imports -- the browser's Buffer (npm's buffer package), not Node I/O
import { Buffer } from 'buffer/';

// The reader calls Buffer methods on its slices (`subarray(0, 8).equals(…)`, `.toString('utf8')`):
// as in Node, a Buffer's subarray must be a Buffer, which this package leaves to the species.
Object.defineProperty(Buffer, Symbol.species, { value: Buffer, configurable: true });

export { Buffer };
