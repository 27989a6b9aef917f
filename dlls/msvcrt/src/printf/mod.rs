//! printf-family formatting engine.
