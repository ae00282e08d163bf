// Small browser helpers called through JS interop (scripts come only from this site: see the CSP).
window.astropal = {
  timeZone: function () {
    try { return Intl.DateTimeFormat().resolvedOptions().timeZone || null; } catch (e) { return null; }
  }
};
