// The double's RequestContext: queues loads and writes like Office.js and runs them on sync().
import type { FakeModel } from './model';
import { FakeWorkbookObject, FakeApplication } from './objects';

/** Shaped like OfficeExtension.Error: a code, a message and where it happened. */
export class FakeOfficeError extends Error {
  constructor(
    public code: string,
    message: string,
    public debugInfo: { code: string; message: string; errorLocation?: string } = {
      code,
      message,
    },
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export interface SyncRecord {
  /** 1-based over the whole model, across contexts. */
  index: number;
  reads: number;
  writes: number;
  actions: number;
  requestBytes: number;
  responseBytes: number;
  failed?: string;
}

export interface Fault {
  /** `next`: the next sync; `next-write`: the next sync that holds a write. */
  when: 'next' | 'next-write';
  /** How many operations of the batch run before it fails (Office.js stops at the failing one). */
  afterOps?: number;
  code?: string;
}

export interface RunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

type OpKind = 'read' | 'write' | 'action';
interface Op {
  kind: OpKind;
  requestBytes: number;
  /** Returns the bytes it adds to the response. */
  run: () => number | void;
}

export class FakeContext {
  readonly workbook: FakeWorkbookObject;
  readonly application: FakeApplication;
  readonly runtime = { enableEvents: true, load: () => this.runtime };
  readonly syncs: SyncRecord[] = [];
  private queue: Op[] = [];

  constructor(
    readonly model: FakeModel,
    readonly runOptions: RunOptions = {},
  ) {
    this.application = new FakeApplication(this);
    this.workbook = new FakeWorkbookObject(this);
  }

  enqueue(kind: OpKind, run: () => number | void, requestBytes = 0): void {
    this.queue.push({ kind, run, requestBytes });
  }

  async sync<T>(passThrough?: T): Promise<T> {
    const ops = this.queue;
    this.queue = [];
    const model = this.model;
    const rec: SyncRecord = {
      index: model.syncLog.length + 1,
      reads: ops.filter((o) => o.kind === 'read').length,
      writes: ops.filter((o) => o.kind === 'write').length,
      actions: ops.filter((o) => o.kind === 'action').length,
      requestBytes: ops.reduce((n, o) => n + o.requestBytes, 0),
      responseBytes: 0,
    };
    model.syncLog.push(rec);
    this.syncs.push(rec);
    await Promise.resolve();
    try {
      if (model.cellEditMode) {
        if (!this.runOptions.delayForCellEdit) {
          throw new FakeOfficeError(
            'InvalidOperationInCellEditMode',
            'Excel is in cell-editing mode.',
          );
        }
        await model.cellEditEnded();
      }
      if (rec.requestBytes > model.behaviour.payloadLimit) {
        throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'Request too large.');
      }
      const fi = model.faults.findIndex((f) => f.when === 'next' || rec.writes > 0);
      const fault = fi >= 0 ? model.faults.splice(fi, 1)[0] : undefined;
      let changed = false;
      try {
        ops.forEach((op, i) => {
          if (fault && i === (fault.afterOps ?? 0)) {
            throw new FakeOfficeError(fault.code ?? 'GeneralException', 'Injected fault.');
          }
          const bytes = op.run();
          if (op.kind !== 'read') changed = true;
          if (typeof bytes === 'number') rec.responseBytes += bytes;
        });
        if (fault && (fault.afterOps ?? 0) >= ops.length) {
          throw new FakeOfficeError(fault.code ?? 'GeneralException', 'Injected fault.');
        }
      } finally {
        if (changed) model.changed();
      }
      if (rec.responseBytes > model.behaviour.payloadLimit) {
        throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'Response too large.');
      }
    } catch (e) {
      rec.failed = e instanceof FakeOfficeError ? e.code : String(e);
      throw e;
    }
    return passThrough as T;
  }
}

/** The error Office.js gives when a property is read before it was loaded and synced. */
export function notLoaded(name: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** Load arguments as Office.js accepts them, flattened to property paths. */
export function propertyList(props?: string | string[] | { select?: string }): string[] {
  const raw = props === undefined ? [] : typeof props === 'string' ? props.split(',') : Array.isArray(props) ? props : (props.select ?? '').split(',');
  return raw.map((p) => p.trim()).filter(Boolean);
}

export function jsonBytes(v: unknown): number {
  return JSON.stringify(v ?? null).length;
}
