fn main() {
    for p in std::env::args().skip(1) {
        let t = std::fs::read_to_string(&p).unwrap_or_default();
        for l in t.lines() {
            if newsline::chrome::is_chrome(l) {
                println!("{p}: {l}");
            }
        }
    }
}
