'use client';
/**
 * Mass-casualty attention: an optional two-tone chime synthesised with WebAudio (no audio file,
 * off by default, remembered per browser) and a system notification while the tab is hidden
 * (permission is asked only from the user's click, as browsers require).
 */
import type { IncidentBrief } from '@/core/stats/incident-brief';

const SOUND_KEY = 'border-watch.sound';

export const soundEnabled = (): boolean =>
  typeof localStorage !== 'undefined' && localStorage.getItem(SOUND_KEY) === '1';
export const setSoundEnabled = (on: boolean): void => localStorage.setItem(SOUND_KEY, on ? '1' : '0');

let audio: AudioContext | null = null;

/** Two short falling tones; the AudioContext is created on first use (after a user gesture). */
export function chime(): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
    const t0 = audio.currentTime;
    for (const [k, freq] of [880, 660].entries()) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      const start = t0 + k * 0.22;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.2);
      osc.connect(gain).connect(audio.destination);
      osc.start(start);
      osc.stop(start + 0.21);
    }
  } catch {
    // No audio output (or blocked): the visual emphasis remains.
  }
}

export function announce(
  b: IncidentBrief,
  describe: (b: IncidentBrief) => string,
  navigate: (href: string) => void,
): void {
  if (soundEnabled()) chime();
  if (typeof document === 'undefined' || !document.hidden) return;
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const n = new Notification('Mass-casualty incident', { body: describe(b), tag: `incident-${b.id}` });
  n.onclick = () => {
    window.focus();
    navigate(`/incidents/${b.id}`);
  };
}
