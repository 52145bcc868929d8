"""The courtroom domain: hearings, roles, exhibits, search, audit, storage. Imports no other package of ours."""
