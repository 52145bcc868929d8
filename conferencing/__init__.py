"""The hybrid hearing's media (WebRTC with aiortc, media workers). Built in the hybrid-hearing issue."""
