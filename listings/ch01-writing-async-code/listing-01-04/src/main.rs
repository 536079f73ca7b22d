async fn fetch_score() -> u32 {
    7
}

// A plain function cannot wait: `.await` is not allowed here.
fn bonus_score() -> u32 {
    fetch_score().await + 1
}

fn main() {
    println!("{}", bonus_score());
}
