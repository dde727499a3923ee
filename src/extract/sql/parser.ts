/** libpg-query is WebAssembly: load it once, then every call is synchronous. */
import { loadModule } from 'libpg-query';

let loaded = false;
let loading: Promise<void> | undefined;

export function loadSqlParser(): Promise<void> {
  loading ??= loadModule().then(() => {
    loaded = true;
  });
  return loading;
}

export function parserReady(): boolean {
  return loaded;
}
