// Why a file could not be read, as a code the CLI renders in the user's language.
export type ReadFailure = 'not-found' | 'unreadable' | 'not-xlsx' | 'encrypted' | 'xls' | 'corrupt' | 'is-directory' | 'too-large' | 'not-a-file' | 'empty-file' | 'not-workbook' | 'internal';

export class ReadError extends Error {
  constructor(
    readonly code: ReadFailure,
    readonly detail?: string,
  ) {
    super(code + (detail ? `: ${detail}` : ''));
    this.name = 'ReadError';
  }
}
