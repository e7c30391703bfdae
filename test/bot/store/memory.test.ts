import { createMemoryStore } from '../../../src/bot/store/memory.js';
import { chatStoreContract } from './contract.js';

chatStoreContract('memory', async () => createMemoryStore());
