import { createMemoryStore } from '../../../src/bot/store/memory.js';
import { chatStoreContract, historyWindowContract } from './contract.js';

chatStoreContract('memory', async () => createMemoryStore());
historyWindowContract('memory', async () => createMemoryStore());
