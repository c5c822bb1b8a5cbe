/** A ring filled to `percent`, with the figure in it (a tick would read as "done", not as a rate). */
export function RateRing({ percent, label }: { percent: number; label: string }) {
  const r = 15;
  const length = 2 * Math.PI * r;
  return (
    <svg className="p-ring" viewBox="0 0 36 36" role="img" aria-label={label}>
      <circle cx="18" cy="18" r={r} fill="none" stroke="#f0f0f0" strokeWidth="4" />
      <circle
        cx="18"
        cy="18"
        r={r}
        fill="none"
        stroke="#237804"
        strokeWidth="4"
        strokeDasharray={`${(length * percent) / 100} ${length}`}
        transform="rotate(-90 18 18)"
      />
      <text x="18" y="21.5" textAnchor="middle" fontSize="9" fill="rgba(0,0,0,0.88)">
        {percent}%
      </text>
    </svg>
  );
}
