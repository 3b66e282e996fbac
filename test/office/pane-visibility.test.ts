import {
  watchPaneShown,
  type OfficeVisibilityLike,
  type PaneVisibilityRecord,
} from "../../src/office/pane-host";

/**
 * The pane told when Office shows it (Office.addin.onVisibilityModeChanged, SharedRuntime 1.1): its
 * handler gets { visibilityMode: "Taskpane" | "Hidden" } and the promise resolves to the function that
 * removes it (@types/office-js). The stand-in below is that much of Office.
 */

function stubOffice(options: { sharedRuntime?: boolean; refuse?: string; noAddin?: boolean } = {}) {
  const handlers: ((message: { visibilityMode: string }) => void)[] = [];
  let removed = 0;
  const office: OfficeVisibilityLike = {
    ...(options.noAddin
      ? {}
      : {
          addin: {
            onVisibilityModeChanged: async (handler) => {
              if (options.refuse) throw new Error(options.refuse);
              handlers.push(handler);
              return async () => {
                removed += 1;
                handlers.splice(handlers.indexOf(handler), 1);
              };
            },
          },
        }),
    context: {
      requirements: {
        isSetSupported: (name, version) =>
          name === "SharedRuntime" && version === "1.1" && options.sharedRuntime !== false,
      },
    },
  };
  const tell = (mode: "Taskpane" | "Hidden") => handlers.forEach((h) => h({ visibilityMode: mode }));
  return { office, tell, removed: () => removed };
}

const fresh = (): PaneVisibilityRecord => ({ supported: false, registered: false, shown: 0, hidden: 0 });

test("each time Office shows the pane it is told; being hidden is only counted", async () => {
  const { office, tell, removed } = stubOffice();
  const record = fresh();
  let shown = 0;
  const stop = await watchPaneShown(() => (shown += 1), office, record);
  tell("Hidden");
  tell("Taskpane");
  tell("Hidden");
  tell("Taskpane");
  expect(shown).toBe(2);
  expect(record).toEqual({ supported: true, registered: true, shown: 2, hidden: 2 });
  await stop();
  tell("Taskpane");
  expect(shown).toBe(2);
  expect(removed()).toBe(1);
});

test("without SharedRuntime 1.1, or without Office.addin, nothing is registered and the record says so", async () => {
  for (const options of [{ sharedRuntime: false }, { noAddin: true }]) {
    const record = fresh();
    const stop = await watchPaneShown(() => undefined, stubOffice(options).office, record);
    expect(record).toEqual({ supported: false, registered: false, shown: 0, hidden: 0 });
    await expect(stop()).resolves.toBeUndefined();
  }
  // Outside Office altogether.
  const record = fresh();
  await watchPaneShown(() => undefined, undefined, record);
  expect(record.supported).toBe(false);
});

test("a registration Office refuses leaves the pane as it was, the reason kept for the self-test", async () => {
  const record = fresh();
  await watchPaneShown(() => undefined, stubOffice({ refuse: "GeneralException" }).office, record);
  expect(record).toEqual({
    supported: true,
    registered: false,
    error: "GeneralException",
    shown: 0,
    hidden: 0,
  });
});
