import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { addAllMessages } from '../src/lib/i18n/all-messages.ts';

// Screens load their message areas with their code in the app; tests render them directly.
addAllMessages();
