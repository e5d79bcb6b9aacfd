import * as core from '@actions/core';
import { ActionInputError, readActionInputs } from './action-inputs.js';
import { setActionOutputs } from './action-outputs.js';
import { readGithubRun } from './github-event.js';
import { runAction } from './run-action.js';

// The action's entry point (bundled into dist/index.js): inputs in, outputs and verdict out.
try {
  const inputs = readActionInputs((name) => core.getInput(name), core.setSecret);
  const { outputs, failure } = await runAction(inputs, readGithubRun());
  setActionOutputs(outputs);
  if (failure) core.setFailed(failure);
} catch (error) {
  // An input error is the user's to fix and needs no stack; anything else is ours to debug.
  core.setFailed(error instanceof ActionInputError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error));
}
