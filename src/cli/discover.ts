import { runJobCommand } from './run-job-command.js';

runJobCommand('discover');
