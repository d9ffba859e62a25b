//! Reading documents: bytes on disk → decoded text and tables.
