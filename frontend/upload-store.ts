/**
 * The files the upload tray has not had an answer for, kept in IndexedDB (a File is stored as it is), so that a file
 * picked while Glimpse cannot be reached survives a reload of the page and is sent once the server answers again.
 * Where IndexedDB is unavailable (some private windows) the files are kept in memory only, for this page.
 */
export type KeptFile = { fileId: string; pickId: string; name: string; file: File };

const DATABASE = 'glimpse-uploads';
const STORE = 'kept-files';

export class KeptFiles {
  private readonly database: Promise<IDBDatabase | null> = new Promise((resolve) => {
    try {
      const request = indexedDB.open(DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'fileId' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
    } catch {
      resolve(null);
    }
  });

  async put(entry: KeptFile): Promise<void> {
    await this.run('readwrite', (store) => store.put(entry));
  }

  async remove(fileId: string): Promise<void> {
    await this.run('readwrite', (store) => store.delete(fileId));
  }

  async all(): Promise<KeptFile[]> {
    const found = await this.run('readonly', (store) => store.getAll());
    return (found as KeptFile[] | undefined) ?? [];
  }

  private async run(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest): Promise<unknown> {
    const database = await this.database;
    if (!database) {
      return undefined;
    }
    return new Promise((resolve) => {
      try {
        const request = action(database.transaction(STORE, mode).objectStore(STORE));
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => resolve(undefined);
      } catch {
        resolve(undefined);
      }
    });
  }
}
