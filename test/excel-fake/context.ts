// The double's RequestContext: queues loads and writes like Office.js and runs them on sync().
import type { FakeModel } from './model';
import { FakeWorkbookObject } from './sheets';
import { FakeApplication } from './application';
import { apiSetOf } from './api-sets';

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

/**
 * What one object path and one action add to a request. "The payload size of a request
 * combines the number of API calls, the number of objects, such as Range objects, [and] the
 * length of the value to set or get" (Excel JavaScript API performance, Payload size limit best
 * practices). Office.js sends each object path (`{"Id":5,"ObjectPathType":3,"Name":"GetRange",
 * "ParentObjectPathId":4,"ArgumentInfo":{…}}` plus its instantiate action) and each action
 * (`{"Id":6,"ActionType":4,"Name":"Values","ObjectPathId":5,"ArgumentInfo":{…}}`) as JSON of
 * about these sizes, arguments and values on top.
 */
export const OBJECT_PATH_BYTES = 130;
export const ACTION_BYTES = 75;

/** Something in the request: an object path, sent once, the first time an action uses it. */
export interface PathNode {
  readonly pathParent?: PathNode;
  /** Bytes of the path's own arguments (an address, a sheet name). */
  readonly pathArgBytes: number;
  pathSent?: boolean;
}

type OpKind = 'read' | 'write' | 'action';
interface Op {
  kind: OpKind;
  requestBytes: number;
  /** Set for actions that Excel cannot undo (Undo capabilities, Unsupported APIs). */
  noUndo?: string;
  /** Returns the bytes it adds to the response. */
  run: () => number | void;
}

export interface EnqueueOptions {
  /** The object the action is on: its path is counted in the request the first time. */
  on?: PathNode;
  /** Bytes of the action's arguments or value. */
  bytes?: number;
  /** The API's name when Excel has no undo for it (see `runOps`). */
  noUndo?: string;
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
    this.workbook = new FakeWorkbookObject(this, this.application);
  }

  enqueue(kind: OpKind, run: () => number | void, o: EnqueueOptions = {}): void {
    let bytes = ACTION_BYTES + (o.bytes ?? 0);
    for (let n = o.on; n && !n.pathSent; n = n.pathParent) {
      n.pathSent = true;
      bytes += OBJECT_PATH_BYTES + n.pathArgBytes;
    }
    this.queue.push({ kind, run, requestBytes: bytes, noUndo: o.noUndo });
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
      // Checked before anything runs: the host refuses the whole request.
      if (rec.requestBytes > model.behaviour.payloadLimit) {
        throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'Request too large.');
      }
      this.runOps(ops, rec);
      if (rec.responseBytes > model.behaviour.payloadLimit) {
        throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'Response too large.');
      }
    } catch (e) {
      rec.failed = e instanceof FakeOfficeError ? e.code : String(e);
      throw e;
    }
    return passThrough as T;
  }

  /**
   * Runs a batch's operations in order; a failing one stops the batch, the ones before it
   * stay done (Office.js runs a batch on the host in order and stops at the first error).
   */
  private runOps(ops: Op[], rec: SyncRecord): void {
    const model = this.model;
    const fi = model.faults.findIndex((f) => f.when === 'next' || rec.writes > 0);
    const fault = fi >= 0 ? model.faults.splice(fi, 1)[0] : undefined;
    // "If an API within the group doesn't offer undo support, the UndoNotSupported error is
    // thrown"; outside a group "the user's undo stack is cleared starting from that API call"
    // (Undo capabilities with the Excel JavaScript API). Undo groups need ExcelApi 1.20.
    const grouped = !!this.runOptions.mergeUndoGroup && model.behaviour.excelApi >= apiSetOf('Excel.run(mergeUndoGroup)');
    let changed = false;
    try {
      ops.forEach((op, i) => {
        if (fault && i === (fault.afterOps ?? 0)) {
          throw new FakeOfficeError(fault.code ?? 'GeneralException', 'Injected fault.');
        }
        if (op.noUndo && grouped) {
          throw new FakeOfficeError('UndoNotSupported', `${op.noUndo} cannot be undone, so it cannot join an undo group.`);
        }
        const bytes = op.run();
        if (op.noUndo) model.undoStackCleared++;
        if (op.kind !== 'read') changed = true;
        if (typeof bytes === 'number') rec.responseBytes += bytes;
      });
      if (fault && (fault.afterOps ?? 0) >= ops.length) {
        throw new FakeOfficeError(fault.code ?? 'GeneralException', 'Injected fault.');
      }
    } finally {
      if (changed) model.changed();
    }
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

/** Bytes of a value's JSON as sent: UTF-8, so each Cyrillic letter counts two. */
export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v ?? null));
}

export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7ff && (c < 0xd800 || c > 0xdfff)) n += 2;
    else if (c > 0x7f) n += 1;
  }
  return n;
}
