// A published recording on a courtroom screen (or a remote participant's evidence view), in step with every other
// screen. The server pushes the playback state ("position_s was true at server time at, moving at rate while playing")
// and its own time; this screen estimates its offset to the server's clock (the push, then pings: the answer with the
// shortest round trip wins), computes where the recording should be now, and every 250 ms corrects its <video>/<audio>:
// more than 1 s off, it seeks; less, it nudges playbackRate by a few per cent until it is within 20 ms. screen.js calls
// attach() whenever it rebuilds the shown page, so the element lives inside the shown page's box, over the poster frame
// (which shows through while the file loads; a file Chromium cannot play gets a playable copy at import,
// media/av_transcode.py).
window.courtroomPlayback = {
  p: null, // the latest state pushed, or null when the screen shows no recording
  heard: 0, // server time of the latest push: an older push that arrives late is dropped
  offset: null, // server clock minus this browser's clock, in seconds
  bestRtt: Infinity,
  el: null,
  forcedMute: false, // the browser refused to play sound without a gesture: play muted rather than not at all
  correcting: true, // false: follow state changes only, never correct drift (bench/bench_playback.py's baseline)
  SEEK_OVER: 1.0, // seconds off beyond which a screen seeks rather than nudges
  IN_STEP: 0.02, // seconds off within which it plays at the set rate
  NUDGE: 0.08, // the largest change of speed when nudging, as a fraction of the rate
  seekLead: 0.15, // how far a playing seek lands behind its target (decoding from a key frame): learned per seek
  learning: false, // a playing seek has been made whose landing is still to be measured

  now() {
    return performance.timeOrigin / 1000 + performance.now() / 1000;
  },

  serverNow() {
    return this.now() + (this.offset ?? 0);
  },

  // Where the recording should be at this moment, on the server's clock.
  target() {
    const p = this.p;
    if (!p) return 0;
    let position = p.position_s;
    if (p.playing) position += Math.max(0, this.serverNow() - p.at) * p.rate;
    const end = this.end();
    return end != null ? Math.min(position, Math.max(end, p.position_s)) : position;
  },

  // Where playing stops: a clip's out point, else the end of the recording.
  end() {
    const p = this.p;
    return p.stop_s != null ? p.stop_s : p.duration_s;
  },

  set(p) {
    if (p.server_now < this.heard) return;
    this.heard = p.server_now;
    if (this.offset === null) this.offset = p.server_now - this.now(); // until a ping measures better
    this.p = p.exhibit_id == null ? null : p;
    this.attach();
    this.sync(true);
  },

  ping() {
    emitEvent("playback_ping", { t0: this.now() });
  },

  pong(answer) {
    const t1 = this.now(), rtt = t1 - answer.t0;
    this.bestRtt *= 1.02; // slowly forget an old best, so the estimate follows a clock that is adjusted
    if (rtt > this.bestRtt) return;
    this.bestRtt = rtt;
    this.offset = answer.server - (answer.t0 + t1) / 2;
  },

  // Put the recording's element in the shown page's box when the screen shows it, take it away when not.
  attach() {
    const screen = window.courtroomScreen, p = this.p;
    const box = screen && screen.shown;
    const showing = p && box && screen.view && screen.view.state === "showing" && screen.view.exhibit_id === p.exhibit_id;
    if (!showing) return this.detach();
    if (this.el && this.el.parentNode === box && this.el.dataset.src === p.src) return;
    this.detach();
    const el = document.createElement(p.kind === "audio" ? "audio" : "video");
    el.className = "screen-media";
    el.setAttribute("data-testid", "screen-media");
    el.dataset.exhibitId = p.exhibit_id;
    el.dataset.src = p.src;
    el.preload = "auto";
    el.muted = true;
    el.playsInline = true;
    el.disablePictureInPicture = true;
    el.addEventListener("loadedmetadata", () => this.sync(true));
    el.src = p.src;
    box.insertBefore(el, screen.image ? screen.image.nextSibling : box.firstChild);
    this.el = el;
    if (p.watermark) el.after(this.watermark(p.watermark));
  },

  // A remote participant's name across the picture, as their pages carry it (a capture of the screen names them).
  watermark(text) {
    const SVG = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "460");
    svg.setAttribute("height", "200");
    const label = document.createElementNS(SVG, "text");
    label.setAttribute("x", "230");
    label.setAttribute("y", "110");
    label.setAttribute("text-anchor", "middle");
    label.setAttribute("transform", "rotate(-30 230 100)");
    label.setAttribute("fill", "rgba(255, 255, 255, 0.3)");
    label.setAttribute("stroke", "rgba(0, 0, 0, 0.25)");
    label.setAttribute("font-size", "24");
    label.setAttribute("font-family", "Noto Sans, sans-serif");
    label.textContent = text; // text, never markup
    svg.appendChild(label);
    const mark = document.createElement("div");
    mark.className = "screen-watermark";
    mark.setAttribute("data-testid", "screen-media-watermark");
    mark.dataset.text = text;
    const data = encodeURIComponent(new XMLSerializer().serializeToString(svg));
    mark.style.backgroundImage = `url("data:image/svg+xml,${data}")`;
    return mark;
  },

  detach() {
    const el = this.el;
    if (!el) return;
    this.el = null;
    const mark = el.nextElementSibling;
    if (mark && mark.classList.contains("screen-watermark")) mark.remove();
    el.pause();
    el.remove();
    el.removeAttribute("src");
    el.load(); // lets the browser drop the media pipeline now rather than at garbage collection
  },

  play(el) {
    el.play().catch((e) => {
      if (e && e.name === "NotAllowedError" && !el.muted) {
        this.forcedMute = true; // a kiosk started without --autoplay-policy=no-user-gesture-required
        el.muted = true;
        el.play().catch(() => {});
      }
    });
  },

  // Bring the element to where the recording should be. ``hard``: the state has just changed (play, pause, seek,
  // speed, a late join), so a small difference is worth a seek too.
  sync(hard) {
    const el = this.el, p = this.p;
    if (!el || !p) return;
    el.muted = p.muted || this.forcedMute;
    el.dataset.playing = p.playing;
    if (el.readyState < 1) return; // no metadata yet: loadedmetadata calls again
    const target = this.target();
    const end = this.end();
    const ended = end != null && target >= end;
    const drift = el.currentTime - target;
    el.dataset.drift = drift.toFixed(3);
    if (!p.playing || ended) {
      if (!el.paused) el.pause();
      el.playbackRate = p.rate;
      if (Math.abs(drift) > 0.04 && !el.seeking) el.currentTime = target;
      return;
    }
    if (!hard && !this.correcting) {
      if (el.paused) this.play(el);
      return;
    }
    if (this.learning && !hard && !el.seeking && !el.paused) {
      // where the last seek landed says how far ahead to aim the next; a seek that landed far off is made again
      this.learning = false;
      this.seekLead = Math.max(0, Math.min(0.5, this.seekLead - drift));
      if (Math.abs(drift) > 0.1) hard = true;
    }
    if (Math.abs(drift) > this.SEEK_OVER || (hard && Math.abs(drift) > 0.1)) {
      el.playbackRate = p.rate;
      el.currentTime = target + this.seekLead * p.rate;
      this.learning = true;
    } else if (Math.abs(drift) > this.IN_STEP) {
      const nudge = Math.max(-this.NUDGE, Math.min(this.NUDGE, -drift / 2));
      el.playbackRate = p.rate * (1 + nudge);
    } else {
      el.playbackRate = p.rate;
    }
    if (el.paused) this.play(el);
  },
};
setInterval(() => window.courtroomPlayback.sync(false), 250);
// measure the clock offset a few times at once, then now and then
(function pings(count) {
  if (window.emitEvent && window.socket && window.socket.connected) {
    window.courtroomPlayback.ping();
    count += 1;
  }
  setTimeout(() => pings(count), count < 6 ? 200 : 5000);
})(0);
