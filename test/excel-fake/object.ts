// The base of the double's client objects: proxy semantics (properties readable only after
// load() and sync(), writes queued until sync()), request-size accounting, requirement sets.
import { FakeOfficeError, jsonBytes, notLoaded, propertyList } from './context';
import type { FakeContext, PathNode } from './context';
import { apiSetOf } from './api-sets';

export abstract class FakeObject implements PathNode {
  protected loaded = new Map<string, unknown>();
  pathSent?: boolean;

  constructor(
    protected ctx: FakeContext,
    readonly pathParent?: PathNode,
    readonly pathArgBytes = 0,
  ) {}

  /** The property's current value in the model (called while a sync runs). */
  protected abstract readProp(name: string): unknown;
  /** A navigation property, for paths such as `protection/protected`. */
  protected nav(name: string): FakeObject | undefined {
    void name;
    return undefined;
  }

  load(props?: string | string[] | { select?: string }): this {
    const list = propertyList(props);
    this.ctx.enqueue('read', () => this.loadNow(list), { on: this, bytes: jsonBytes(list) });
    return this;
  }

  /** Runs a load at sync time; returns the bytes it adds to the response. */
  loadNow(list: string[]): number {
    let bytes = 0;
    const byNav = new Map<string, string[]>();
    for (const p of list) {
      const i = p.indexOf('/');
      if (i < 0) {
        const v = this.readProp(p);
        this.loaded.set(p, v);
        bytes += p.length + jsonBytes(v);
      } else {
        const head = p.slice(0, i);
        byNav.set(head, [...(byNav.get(head) ?? []), p.slice(i + 1)]);
      }
    }
    for (const [head, rest] of byNav) {
      const n = this.nav(head);
      if (!n) throw new FakeOfficeError('InvalidArgument', `Unknown navigation ${head}`);
      bytes += n.loadNow(rest);
    }
    return bytes;
  }

  protected get<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  /** Throws ApiNotFound when the host is older than the member's requirement set (api-sets.ts). */
  protected requireApi(member: string): void {
    const minor = apiSetOf(member);
    if (this.ctx.model.behaviour.excelApi < minor) {
      throw new FakeOfficeError('ApiNotFound', `${member} needs ExcelApi 1.${minor}; this host has 1.${this.ctx.model.behaviour.excelApi}.`);
    }
  }
}
