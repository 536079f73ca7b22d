use tokio::io::{self, AsyncReadExt, AsyncWriteExt, BufWriter, DuplexStream};

// ANCHOR: here
/// Reads one end of an in-memory pipe until the other end is closed.
async fn read_to_end(mut end: DuplexStream) -> String {
    let mut text = String::new();
    end.read_to_string(&mut text).await.unwrap();
    text
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> io::Result<()> {
    // Clean-up left to Drop alone.
    let (ours, theirs) = io::duplex(64);
    let reader = tokio::spawn(read_to_end(theirs));
    {
        let mut out = BufWriter::new(ours);
        out.write_all(b"first message").await?; // sits in the buffer
    } // `out` is dropped here; Drop cannot `.await` a flush
    let got = reader.await.unwrap();
    println!("without shutdown, the reader got {got:?}");

    // Clean-up done by an explicit async method.
    let (ours, theirs) = io::duplex(64);
    let reader = tokio::spawn(read_to_end(theirs));
    let mut out = BufWriter::new(ours);
    out.write_all(b"second message").await?;
    out.shutdown().await?; // flushes the buffer, then closes the pipe
    let got = reader.await.unwrap();
    println!("with shutdown, the reader got {got:?}");
    Ok(())
}
// ANCHOR_END: here
