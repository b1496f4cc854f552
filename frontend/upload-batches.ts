/**
 * Makes `<vaadin-upload>`'s file limit count per drop or pick rather than for the whole visit: each drop may add up
 * to `limit` files (the rest are rejected with the component's `tooManyFiles` message, which the server set to name
 * the limit), and afterwards the limit is lifted again, so the Upload button and the drop zone never stay disabled.
 */
type UploadElement = HTMLElement & {
  maxFiles: number;
  files: unknown[];
  _addFiles: (files: FileList | File[]) => void;
};

function limitPerBatch(upload: UploadElement, limit: number) {
  if ((upload as unknown as { __glimpseBatches?: boolean }).__glimpseBatches) {
    return;
  }
  (upload as unknown as { __glimpseBatches?: boolean }).__glimpseBatches = true;
  const addFiles = upload._addFiles.bind(upload);
  upload.maxFiles = Infinity;
  upload._addFiles = (files: FileList | File[]) => {
    upload.maxFiles = upload.files.length + limit;
    try {
      addFiles(Array.from(files));
    } finally {
      upload.maxFiles = Infinity;
    }
  };
}

(window as unknown as { glimpseLimitPerBatch: typeof limitPerBatch }).glimpseLimitPerBatch = limitPerBatch;
