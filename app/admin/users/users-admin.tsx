'use client';
/** The users page's live state: the list from the server, updated by each add or change. */
import { useState } from 'react';
import type { UserRow } from '@/server/read-model';
import { AddUserForm } from './add-user-form';
import { UserTable } from './user-rows';

export function UsersAdmin({ initial, meId }: { initial: UserRow[]; meId: string }) {
  const [users, setUsers] = useState(initial);
  const upsert = (u: UserRow) =>
    setUsers((list) =>
      list.some((x) => x.id === u.id)
        ? list.map((x) => (x.id === u.id ? u : x))
        : [...list, u].sort((a, b) => a.email.localeCompare(b.email)),
    );
  return (
    <div className="space-y-5">
      <AddUserForm onAdded={upsert} />
      <UserTable users={users} meId={meId} onChanged={upsert} />
    </div>
  );
}
