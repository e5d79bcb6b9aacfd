import { readdirSync } from 'node:fs';
import path from 'node:path';

export interface MountedView {
  schema: string;
  table: string;
  file: string;
  format: 'parquet' | 'csv';
}

/**
 * A mounted folder maps files to views: `<folder>/<schema>/<table>.parquet` becomes
 * `schema.table`, and files directly in the folder land in `main`. This lets one config name
 * tables that are Delta tables on Databricks and local files on a laptop.
 */
export function viewsInFolder(folder: string): MountedView[] {
  const views: MountedView[] = [];
  const addFiles = (directory: string, schema: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const match = /^(.+)\.(parquet|csv)$/i.exec(entry.name);
      if (entry.isFile() && match) {
        views.push({ schema, table: match[1]!, file: path.join(directory, entry.name), format: match[2]!.toLowerCase() as 'parquet' | 'csv' });
      }
    }
  };
  addFiles(folder, 'main');
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) addFiles(path.join(folder, entry.name), entry.name);
  }
  return views.sort((a, b) => `${a.schema}.${a.table}`.localeCompare(`${b.schema}.${b.table}`));
}
