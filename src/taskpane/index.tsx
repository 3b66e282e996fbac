// Placeholder: the task pane UI is built in the task pane issue.
export {};
