/** /admin/annotations/new */
import type { Metadata } from 'next';
import { AdminPage } from '../../admin-frame';
import { AnnotationForm } from '../annotation-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Add annotation · Admin' };

export default function NewAnnotationPage() {
  return (
    <AdminPage
      path="/admin/annotations/new"
      section="/admin/annotations"
      title="Add an annotation"
      back={{ href: '/admin/annotations', label: 'Annotations' }}
      render={() => <AnnotationForm annotation={null} />}
    />
  );
}
