/** The import moved under Record (operators import too); old links and bookmarks land there. */
import { permanentRedirect } from 'next/navigation';

export default function MovedImportPage() {
  permanentRedirect('/record/import');
}
