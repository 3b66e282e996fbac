import type {
  ClientResultLike,
  CustomXmlPartLike,
  DocumentSettingsLike,
  ExcelRunLike,
  XmlPartsContext,
} from "../../src/office";

/**
 * A fake workbook.customXmlParts with Office.js's batching: nothing happens until `sync()`; a value
 * read before the sync that loads it throws, as a real proxy does; a sync can be made to fail.
 */
export class FakeWorkbook {
  readonly parts = new Map<string, { namespace: string; xml: string }>();
  syncs = 0;
  /** Make the sync with this number (1-based, counted over the fake's life) fail. */
  failSyncNumber: number | undefined;
  private nextId = 1;

  addPart(xml: string): string {
    const id = `{part-${this.nextId++}}`;
    const ns = /xmlns(?::\w+)?="([^"]*)"/.exec(xml)?.[1] ?? "";
    this.parts.set(id, { namespace: ns, xml });
    return id;
  }

  run: ExcelRunLike = async (batch) => {
    const queue: (() => void)[] = [];
    const context: XmlPartsContext = {
      workbook: {
        customXmlParts: {
          getByNamespace: (namespace) => {
            let items: CustomXmlPartLike[] | undefined;
            return {
              load: () => {
                queue.push(() => {
                  items = [...this.parts.entries()]
                    .filter(([, p]) => p.namespace === namespace)
                    .map(([id]) => this.proxy(id, queue));
                });
              },
              get items() {
                if (!items) throw new Error("PropertyNotLoaded: items");
                return items;
              },
            };
          },
          add: (xml) => {
            let id = "";
            queue.push(() => {
              id = this.addPart(xml);
            });
            return {
              get id() {
                return id;
              },
              getXml: () => ({ value: xml }),
              delete: () => undefined,
            };
          },
        },
      },
      sync: async () => {
        this.syncs++;
        const ops = queue.splice(0);
        if (this.failSyncNumber === this.syncs) throw new Error("GeneralException (fake)");
        for (const op of ops) op();
      },
    };
    return batch(context);
  };

  private proxy(id: string, queue: (() => void)[]): CustomXmlPartLike {
    return {
      id,
      getXml: () => {
        const result: { loaded: boolean; v: string } = { loaded: false, v: "" };
        queue.push(() => {
          result.v = this.parts.get(id)?.xml ?? "";
          result.loaded = true;
        });
        const r: ClientResultLike<string> = {
          get value() {
            if (!result.loaded) throw new Error("PropertyNotLoaded: value");
            return result.v;
          },
        };
        return r;
      },
      delete: () => {
        queue.push(() => this.parts.delete(id));
      },
    };
  }
}

export class FakeSettings implements DocumentSettingsLike {
  readonly values = new Map<string, unknown>();
  saved = new Map<string, unknown>();
  failSave = false;
  get(name: string): unknown {
    return this.values.get(name);
  }
  set(name: string, value: unknown): void {
    this.values.set(name, value);
  }
  saveAsync(callback?: (result: { status: unknown; error?: { message: string } }) => void): void {
    if (this.failSave) callback?.({ status: "failed", error: { message: "quota exceeded (fake)" } });
    else {
      this.saved = new Map(this.values);
      callback?.({ status: "succeeded" });
    }
  }
}
