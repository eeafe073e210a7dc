//! Keyboard movement within a group of controls (tabs, map zones), as the WAI-ARIA authoring
//! practices describe it: arrows move and wrap, Home and End jump to the ends.

/// Where focus goes from position `i` of `n` on `key`; `None` when the key does not move it.
pub fn roving(key: &str, i: usize, n: usize) -> Option<usize> {
    if n == 0 {
        return None;
    }
    match key {
        "ArrowRight" | "ArrowDown" => Some((i + 1) % n),
        "ArrowLeft" | "ArrowUp" => Some((i + n - 1) % n),
        "Home" => Some(0),
        "End" => Some(n - 1),
        _ => None,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::roving;

    #[test]
    fn arrows_wrap_and_home_end_jump() {
        assert_eq!(roving("ArrowRight", 2, 3), Some(0));
        assert_eq!(roving("ArrowLeft", 0, 3), Some(2));
        assert_eq!(roving("ArrowDown", 0, 4), Some(1));
        assert_eq!((roving("Home", 2, 4), roving("End", 0, 4)), (Some(0), Some(3)));
        assert_eq!(roving("a", 0, 3), None);
        assert_eq!(roving("ArrowRight", 0, 0), None);
    }
}
