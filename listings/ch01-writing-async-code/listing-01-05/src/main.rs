async fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

fn main() {
    // Two deliberate mistakes, to make the compiler name the types.
    // What is `word_count` itself?
    let () = word_count;
    // And what does calling it give back?
    let () = word_count("one two three");
}
