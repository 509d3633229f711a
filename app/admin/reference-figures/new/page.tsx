/** /admin/reference-figures/new */
import type { Metadata } from 'next';
import { AdminPage } from '../../admin-frame';
import { FigureForm } from '../figure-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Add reference figure · Admin' };

export default function NewFigurePage() {
  return (
    <AdminPage
      path="/admin/reference-figures/new"
      section="/admin/reference-figures"
      title="Add a reference figure"
      back={{ href: '/admin/reference-figures', label: 'Reference figures' }}
      render={() => <FigureForm figure={null} />}
    />
  );
}
