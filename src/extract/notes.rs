//! Responsibility notes: `(A牵头,B、C配合)` and the other conventions → leads and partners.
