//! One window per library. The process that holds a library's lock listens on a Unix
//! socket in the data folder; a second launch on the same library asks it to bring its
//! window to the front instead of opening a second window.
//!
//! Keyed by the library, not by the app (as tauri-plugin-single-instance is): two
//! libraries may be open at once, and a test's app never steals a user's window.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

const SOCKET: &str = "instance.sock";

fn socket_path(data_dir: &Path) -> PathBuf {
    data_dir.join(SOCKET)
}

/// Asks the process holding the library to show its window. Answers whether one did.
#[cfg(unix)]
pub fn ask_running_to_focus(data_dir: &Path) -> bool {
    use std::os::unix::net::UnixStream;
    let Ok(mut stream) = UnixStream::connect(socket_path(data_dir)) else {
        return false;
    };
    if stream.write_all(b"focus\n").is_err() {
        return false;
    }
    let mut answer = String::new();
    BufReader::new(stream).read_line(&mut answer).is_ok() && answer.trim() == "ok"
}

/// Listens for launches on the same library; `on_focus` runs for each. Only called by
/// the lock holder, so a socket file left by a crashed process can be replaced.
#[cfg(unix)]
pub fn listen(data_dir: &Path, on_focus: impl Fn() + Send + 'static) -> std::io::Result<()> {
    use std::os::unix::net::UnixListener;
    let path = socket_path(data_dir);
    let _ = std::fs::remove_file(&path);
    let listener = UnixListener::bind(&path)?;
    std::thread::Builder::new()
        .name("instance-listener".into())
        .spawn(move || {
            for mut stream in listener.incoming().flatten() {
                let mut line = String::new();
                let mut reader = BufReader::new(&stream);
                if reader.read_line(&mut line).is_ok() && line.trim() == "focus" {
                    on_focus();
                    let _ = stream.write_all(b"ok\n");
                }
            }
        })?;
    Ok(())
}

#[cfg(not(unix))]
pub fn ask_running_to_focus(_data_dir: &Path) -> bool {
    false
}

#[cfg(not(unix))]
pub fn listen(_data_dir: &Path, _on_focus: impl Fn() + Send + 'static) -> std::io::Result<()> {
    Ok(())
}
