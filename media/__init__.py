"""Evidence files: import, content-addressed storage, rendering, probing. Imports only courtroom/."""
