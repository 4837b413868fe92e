// Entry of each worker thread of the run pool under tsx (`npm run ...`): a worker does not inherit
// the loader hooks of its parent, so it registers tsx itself before loading the TypeScript task.
const { register } = await import('tsx/esm/api');
register();
const task = await import('./pool-task.ts');
export default task.default;
