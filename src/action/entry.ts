/** Entry point of the bundled GitHub Action (dist/action.js). */
import { runAction } from './run.js';

await runAction();
