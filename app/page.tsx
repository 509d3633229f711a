import { getRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

export default async function OverviewPage() {
  const position = await getRuntime().reads.position();
  return (
    <main className="p-8">
      <h1 className="text-2xl font-semibold">Border Watch</h1>
      <p>Log position {position.seq}</p>
    </main>
  );
}
