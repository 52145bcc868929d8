// A remote participant's browser: the device check, then the call with the media worker (see conferencing/worker.py
// for the offer's shape: what we publish, then a fixed number of receive slots, never renegotiated).
window.courtroomJoin = {
  stream: null,
  pc: null,
  slots: [],
  people: {},
  audioContext: null,
  meterTimer: null,
  SLOTS: 8,

  async devices() {
    const all = await navigator.mediaDevices.enumerateDevices();
    return {
      cameras: all.filter((d) => d.kind === "videoinput").map((d, i) => ({ id: d.deviceId, label: d.label || `Camera ${i + 1}` })),
      microphones: all.filter((d) => d.kind === "audioinput").map((d, i) => ({ id: d.deviceId, label: d.label || `Micro ${i + 1}` })),
    };
  },

  // Ask for the camera and microphone (the chosen ones, if any), show the preview and the level; report the outcome.
  async check(cameraId, microphoneId) {
    this.stopPreview();
    this.chosen = { cameraId, microphoneId }; // the call uses the devices chosen here
    const constraints = {
      video: cameraId ? { deviceId: { exact: cameraId } } : true,
      audio: microphoneId ? { deviceId: { exact: microphoneId } } : true,
    };
    let outcome = "ok";
    try {
      this.stream = await navigator.mediaDevices.getUserMedia(constraints);
    } catch (e) {
      outcome = e.name === "NotAllowedError" || e.name === "SecurityError" ? "denied" : e.name === "NotFoundError" || e.name === "OverconstrainedError" ? "missing" : "error";
      try {
        // a participant with a microphone but no camera (or the reverse) can still take part
        this.stream = await navigator.mediaDevices.getUserMedia({ audio: outcome !== "denied", video: false });
        outcome = "audio_only";
      } catch (e2) {
        this.stream = null;
      }
    }
    const preview = document.getElementById("join-preview");
    if (preview) preview.srcObject = this.stream;
    if (this.stream && this.stream.getAudioTracks().length) this.meter(this.stream);
    const found = this.stream ? await this.devices() : { cameras: [], microphones: [] };
    emitEvent("device_check", { outcome, ...found });
  },

  meter(stream) {
    const bar = document.getElementById("join-meter");
    if (!bar) return;
    this.audioContext = this.audioContext || new AudioContext();
    const source = this.audioContext.createMediaStreamSource(stream);
    const analyser = this.audioContext.createAnalyser();
    analyser.fftSize = 512;
    source.connect(analyser);
    const data = new Uint8Array(analyser.fftSize);
    clearInterval(this.meterTimer);
    this.meterTimer = setInterval(() => {
      analyser.getByteTimeDomainData(data);
      let peak = 0;
      for (const v of data) peak = Math.max(peak, Math.abs(v - 128));
      bar.style.width = Math.min(100, (peak / 128) * 160) + "%";
    }, 100);
  },

  // The lobby: the camera's picture again, in the element ``id`` (the participant's own view, the card check's)
  async showCamera(id) {
    const view = document.getElementById(id);
    if (!view) return;
    if (!this.stream || !this.stream.getVideoTracks().length) {
      try {
        this.stream = await navigator.mediaDevices.getUserMedia({
          video: this.chosen && this.chosen.cameraId ? { deviceId: { exact: this.chosen.cameraId } } : true,
          audio: false,
        });
      } catch (e) {
        return;
      }
    }
    view.srcObject = this.stream;
  },

  // A still of the camera at its full size, as JPEG, to the server; the page hears back whether the QR was read
  async sendCard(token, lang) {
    const view = document.getElementById("join-card-view");
    let answer;
    try {
      if (!view || !view.videoWidth) throw new Error("no picture");
      const canvas = Object.assign(document.createElement("canvas"), { width: view.videoWidth, height: view.videoHeight });
      canvas.getContext("2d").drawImage(view, 0, 0);
      const still = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.92));
      const form = new FormData();
      form.append("image", still, "card.jpg");
      const response = await fetch(`/api/join/${encodeURIComponent(token)}/identity`,
                                   { method: "POST", body: form, headers: { "Accept-Language": lang } });
      const body = await response.json();
      answer = response.ok ? { ok: true, match: !!body.match } : { ok: false, message: body.error && body.error.message };
    } catch (e) {
      answer = { ok: false, message: null };
    }
    emitEvent("card_result", answer);
  },

  // While in the lobby: a small copy of the participant's own view to the clerk every few seconds (their live
  // face beside the card); the server stops listening once the participant is no longer waiting
  sendFaces(token) {
    this.stopFaces();
    const send = async () => {
      const view = document.getElementById("join-self-view");
      if (!view || !view.videoWidth) return;
      const width = Math.min(320, view.videoWidth);
      const canvas = Object.assign(document.createElement("canvas"),
                                   { width, height: Math.round((view.videoHeight * width) / view.videoWidth) });
      canvas.getContext("2d").drawImage(view, 0, 0, canvas.width, canvas.height);
      const picture = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.7));
      if (!picture || !this.faceTimer) return;
      const form = new FormData();
      form.append("image", picture, "face.jpg");
      try {
        const response = await fetch(`/api/join/${encodeURIComponent(token)}/face`, { method: "POST", body: form });
        if (response.status === 409) this.stopFaces();
      } catch (e) {
        // the next one goes in a few seconds
      }
    };
    this.faceTimer = setInterval(send, 3000);
    setTimeout(send, 500);
  },

  stopFaces() {
    clearInterval(this.faceTimer);
    this.faceTimer = null;
  },

  stopPreview() {
    clearInterval(this.meterTimer);
    if (this.stream) this.stream.getTracks().forEach((t) => t.stop());
    this.stream = null;
  },

  // Start (or restart) the call: publish what the device check found, receive every other participant in slots.
  // Calls can overlap (the worker restarted while the connection was failing): each call has its number, and only
  // the latest one's offer and answer count, so an answer never meets a connection it was not made for.
  async call(options) {
    this.hangUp();
    const generation = (this.generation = (this.generation || 0) + 1);
    this.people = options.people || {};
    if (!this.stream && options.send) {
      const chosen = this.chosen || {};
      try {
        this.stream = await navigator.mediaDevices.getUserMedia({
          video: chosen.cameraId ? { deviceId: { exact: chosen.cameraId } } : true,
          audio: chosen.microphoneId ? { deviceId: { exact: chosen.microphoneId } } : true,
        });
      } catch (e) {
        this.stream = null;
      }
    }
    const pc = new RTCPeerConnection({ iceServers: options.iceServers || [] });
    this.pc = pc;
    if (options.send && this.stream) {
      for (const track of this.stream.getTracks()) pc.addTransceiver(track, { direction: "sendonly", streams: [this.stream] });
    }
    for (let k = 0; k < this.SLOTS; k++) {
      pc.addTransceiver("audio", { direction: "recvonly" });
      this.preferVp8(pc.addTransceiver("video", { direction: "recvonly" }));
    }
    pc.ontrack = (e) => this.attach(e.transceiver.mid, e.track);
    pc.onconnectionstatechange = () => {
      emitEvent("rtc_state", { state: pc.connectionState });
      if (pc === this.pc && (pc.connectionState === "failed" || pc.connectionState === "closed")) {
        setTimeout(() => pc === this.pc && emitEvent("rtc_retry", {}), 1000);
      }
    };
    await pc.setLocalDescription(await pc.createOffer());
    await new Promise((resolve) => {
      if (pc.iceGatheringState === "complete") return resolve();
      pc.addEventListener("icegatheringstatechange", () => pc.iceGatheringState === "complete" && resolve());
      setTimeout(resolve, 3000);
    });
    if (pc !== this.pc) return; // a newer call replaced this one meanwhile
    emitEvent("rtc_offer", { sdp: pc.localDescription.sdp, type: pc.localDescription.type, generation });
  },

  // The worker forwards its shared VP8 packets as they are: each receive slot asks for VP8 (and its
  // retransmissions) only, so the offer carries no other video codec.
  preferVp8(transceiver) {
    if (!transceiver.setCodecPreferences || !window.RTCRtpReceiver || !RTCRtpReceiver.getCapabilities) return;
    const codecs = RTCRtpReceiver.getCapabilities("video").codecs;
    const vp8 = codecs.filter((c) => c.mimeType.toLowerCase() === "video/vp8");
    const rtx = codecs.filter((c) => c.mimeType.toLowerCase() === "video/rtx");
    if (vp8.length) transceiver.setCodecPreferences([...vp8, ...rtx]);
  },

  async answer(message) {
    if (!this.pc || message.generation !== this.generation) return;
    await this.pc.setRemoteDescription(message.answer);
    this.setSlots(message.slots, message.version);
  },

  hangUp() {
    if (this.pc) this.pc.close();
    this.pc = null;
    document.querySelectorAll("[data-slot]").forEach((el) => el.remove());
  },

  leave() {
    this.hangUp();
    this.stopPreview();
  },

  // One <video> per slot, holding that slot's audio and video; a slot shows once a participant is in it.
  tile(index) {
    let video = document.querySelector(`[data-slot="${index}"]`);
    if (!video) {
      video = document.createElement("video");
      video.dataset.slot = index;
      video.autoplay = true;
      video.playsInline = true;
      video.srcObject = new MediaStream();
      video.className = "join-tile-video";
      video.oncontextmenu = (e) => e.preventDefault();
      document.getElementById("join-tiles").appendChild(video);
    }
    return video;
  },

  attach(mid, track) {
    this.mids = this.mids || {};
    this.mids[mid] = track;
    const slot = this.slots.find((s) => s.audio_mid === mid || s.video_mid === mid);
    if (slot) this.place(slot);
  },

  // The answer and the worker's slots events come separately, in either order (someone who joined while the
  // answer was on its way): the newest description counts, by the worker's version [start time, counter].
  setSlots(slots, version) {
    const newer = (a, b) => a[0] !== b[0] ? a[0] > b[0] : a[1] > b[1];
    if (version && this.slotsVersion && !newer(version, this.slotsVersion)) return;
    this.slotsVersion = version;
    this.slots = slots;
    for (const slot of slots) this.place(slot);
  },

  place(slot) {
    const video = this.tile(slot.index);
    const stream = video.srcObject;
    for (const mid of [slot.audio_mid, slot.video_mid]) {
      const track = mid && this.mids && this.mids[mid];
      if (track && !stream.getTracks().includes(track)) stream.addTrack(track);
    }
    const person = slot.participant_id ? this.people[slot.participant_id] : null;
    video.dataset.participantId = slot.participant_id || "";
    video.title = person ? person.name : "";
    video.style.display = slot.participant_id ? "" : "none";
    const feed = document.getElementById("join-feed");
    const tiles = document.getElementById("join-tiles");
    const target = person && person.role === "courtroom" ? feed : tiles;
    // a courtroom screen does not show (or play back into the room) the courtroom's own feed
    if (person && person.role === "courtroom" && feed.style.display === "none") video.muted = true;
    if (video.parentElement !== target) target.appendChild(video);
    video.play().catch(() => {});
    this.label(video, person);
  },

  label(video, person) {
    video.classList.toggle("join-feed-video", !!person && person.role === "courtroom");
  },

  levels(levels) {
    for (const video of document.querySelectorAll("[data-slot]")) {
      const level = levels[video.dataset.participantId];
      video.classList.toggle("join-speaking", !!level && level.speaking);
    }
  },

  setPeople(people) {
    this.people = people;
    for (const slot of this.slots) this.place(slot);
  },

  // What has arrived from each remote participant (video frames decoded, audio samples received), for tests and
  // for the participant's own view of the link.
  async received() {
    if (!this.pc) return {};
    const out = {};
    const stats = await this.pc.getStats();
    stats.forEach((r) => {
      if (r.type !== "inbound-rtp") return;
      const slot = this.slots.find((s) => s.video_mid === r.mid || s.audio_mid === r.mid);
      if (!slot || !slot.participant_id) return;
      const entry = (out[slot.participant_id] = out[slot.participant_id] || { video: 0, audio: 0 });
      if (r.kind === "video") entry.video = r.framesDecoded || 0;
      else entry.audio = r.totalSamplesReceived || 0;
    });
    return out;
  },
};
