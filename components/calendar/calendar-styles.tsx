/**
 * The calendar's blocks share short class names defined once here: a week of 25 stylists draws
 * thousands of blocks, and repeating the utility classes on each one doubled the page's size.
 */
const CSS = `
.kal-col{width:11rem;flex-shrink:0;border-left:1px solid #e2e8f0}
.kal-head{position:sticky;top:0;z-index:30;height:3.5rem;border-bottom:1px solid #e2e8f0;background:#fff;padding:4px 8px}
.kal-name{display:flex;align-items:center;gap:6px;overflow:hidden;white-space:nowrap;font-size:14px;line-height:20px;font-weight:600;color:#0f172a}
.kal-dot{display:inline-block;height:10px;width:10px;flex-shrink:0;border-radius:9999px;background:var(--color-brand-500)}
.kal-hours{overflow:hidden;white-space:nowrap;text-overflow:ellipsis;font-size:12px;line-height:16px;color:#64748b}
.kal-hour{position:absolute;right:8px;transform:translateY(-50%);font-size:11px;color:#64748b}
.kal-hour:first-child{transform:none}
.kal-item{position:absolute;left:4px;right:4px}
.kal-box{display:block;height:100%;overflow:hidden;border-radius:6px;padding:2px 6px;font-size:12px;line-height:1.25}
.kal-appt{position:relative;padding:0;border:1px solid #b3d9d9;border-left-width:4px;background:#f0f7f7;color:#0f172a;box-shadow:0 1px 2px rgb(0 0 0/.06)}
.kal-main{position:relative;z-index:1;display:block;padding:2px 6px}
.kal-main b,.kal-box b{font-weight:600}
.kal-sub{display:block;color:#475569}
.kal-gap{position:absolute;left:0;right:0;display:flex;justify-content:flex-end;padding:0 6px;font-size:11px;color:#334155;
background-image:repeating-linear-gradient(135deg,#f1f5f9 0 6px,#e2e8f0 6px 12px)}
.kal-hold{border:1px dashed #d97706;background:#fffbeb;color:#78350f}
.kal-absence{background:#fff1f2;color:#881337;box-shadow:inset 0 0 0 1px #fecdd3}
.kal-busy{background:#e2e8f0;color:#1e293b}
.kal-free{display:block;height:100%;border-radius:4px;padding:0 6px;font-size:11px;line-height:1.25;color:#065f46}
.kal-free::before{content:"+ "}
.kal-span{background:#ecfdf5;box-shadow:inset 0 0 0 1px #a7f3d0}
.kal-off{position:absolute;left:0;right:0;background:#f1f5f9}
.kal-closed{position:absolute;left:0;right:0;background:rgb(226 232 240/.8);padding-top:4px;text-align:center;font-size:11px;font-weight:500;color:#475569}
.kal-appt:hover,.kal-hold:hover{box-shadow:0 0 0 2px #2f8585}
.kal-free:hover{background:#d1fae5}
.kal-appt:focus-visible,.kal-hold:focus-visible,.kal-free:focus-visible{outline:2px solid #2f8585;outline-offset:1px}
`;

export function CalendarStyles() {
  return <style>{CSS}</style>;
}
