// The review page's player: one recorded series, its segments played one after another in a single <video>, in
// wall-clock time (unix seconds) so that the minutes and the audit log line up with it. Tells the server where
// playback is (review_time) so it can show what was on the screens then.
window.courtroomReview = {
  video: null,
  segments: [], // [{url, start, end, seq}]
  index: -1,
  lastSent: 0,
  wanted: null, // a wall time to seek to once the current segment's metadata is there

  init(videoId, clockId, timeZone) {
    const video = getHtmlElement(videoId);
    if (!video || video.dataset.reviewReady) return;
    this.video = video;
    this.clockId = clockId;
    this.timeZone = timeZone;  // the court's, from the settings
    video.dataset.reviewReady = "1";
    video.addEventListener("loadedmetadata", () => {
      if (this.wanted !== null) {
        const seg = this.segments[this.index];
        const offset = Math.max(0, this.wanted - seg.start);
        this.wanted = null;
        video.currentTime = Math.min(offset, Math.max(0, (video.duration || offset + 1) - 0.05));
      }
    });
    video.addEventListener("ended", () => {
      if (this.index + 1 < this.segments.length) {
        this.open(this.index + 1, this.segments[this.index + 1].start);
        video.play().catch(() => {});
      }
    });
    video.addEventListener("timeupdate", () => this.report(false));
    video.addEventListener("seeked", () => this.report(true));
  },

  load(segments) {
    this.segments = segments;
    this.index = -1;
    this.wanted = null;
    if (!this.video) return;
    if (!segments.length) {
      this.video.removeAttribute("src");
      this.video.load();
      return;
    }
    this.open(0, segments[0].start);
  },

  open(index, wallTime) {
    const video = this.video;
    this.index = index;
    this.wanted = wallTime;
    video.dataset.segment = String(index);
    video.dataset.seq = String(this.segments[index].seq);
    video.src = this.segments[index].url;
    video.load();
  },

  // Seek to a wall-clock moment: the segment that holds it (or the next one after a gap), and the offset in it.
  seek(wallTime, play) {
    if (!this.video || !this.segments.length) return;
    let index = this.segments.findIndex((s) => wallTime < s.end);
    if (index < 0) index = this.segments.length - 1;
    const seg = this.segments[index];
    const target = Math.max(wallTime, seg.start);
    if (index === this.index && this.video.readyState >= 1) {
      this.video.currentTime = Math.max(0, Math.min(target - seg.start, (this.video.duration || 1e9) - 0.05));
    } else {
      this.open(index, target);
    }
    if (play) this.video.play().catch(() => {});
  },

  now() {
    const seg = this.segments[this.index];
    return seg ? seg.start + (this.video.currentTime || 0) : null;
  },

  report(force) {
    const t = this.now();
    if (t === null) return;
    this.video.dataset.wallTime = t.toFixed(3);
    const clock = document.getElementById(this.clockId);
    if (clock) {
      const d = new Date(t * 1000);
      clock.textContent = d.toLocaleTimeString("vi-VN", { timeZone: this.timeZone, hour12: false });
    }
    const wall = Date.now();
    if (!force && wall - this.lastSent < 400) return;
    this.lastSent = wall;
    emitEvent("review_time", { t, index: this.index });
  },

  // The marks that were on a shown page, over its thumbnail (the box holds the page's image; marks.js draws).
  drawMarks(boxId, marks) {
    const box = getHtmlElement(boxId);
    if (!box) return;
    const img = box.querySelector("img");
    const draw = () => courtroomMarks.render(box, "review-marks", marks, img && img.naturalWidth,
                                             img && img.naturalHeight);
    draw();
    if (img) img.addEventListener("load", draw, { once: true }); // a new page's image: drawn again at its shape
  },
};
