use super::*;

/// Parse and validate a PE32+ x86-64 image.
pub fn parse(_data: &[u8]) -> Result<PeInfo, PeError> {
    Err(PeError::NotPe("parser not written yet".into()))
}
