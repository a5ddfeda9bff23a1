//! Writing an export to a file safely: the data goes to a temporary file beside the target,
//! which is flushed to disk and then renamed over the target in one step. An export that fails
//! or is interrupted leaves the target as it was (and the temporary file is removed when the
//! failure is an error rather than a kill). [`same_file`] lets the caller refuse a target that
//! is one of its inputs.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Where the temporary file for `target` goes: a hidden name in the same directory, so that the
/// final rename stays within one file system.
fn temp_path(target: &Path, attempt: u32) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".to_string());
    let tmp = format!(".{name}.{}-{attempt}.tmp", std::process::id());
    match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.join(tmp),
        _ => PathBuf::from(tmp),
    }
}

/// The file a write to `target` lands in: a symbolic link is followed to the file it points
/// to, as a shell redirection would.
pub fn resolve_target(target: &Path) -> PathBuf {
    match fs::symlink_metadata(target) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(target).unwrap_or_else(|_| {
            // a dangling link: write where it points
            fs::read_link(target)
                .map(|to| match target.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                })
                .unwrap_or_else(|_| target.to_path_buf())
        }),
        _ => target.to_path_buf(),
    }
}

fn create_temp(target: &Path) -> io::Result<(PathBuf, File)> {
    let mut attempt = 0;
    loop {
        let path = temp_path(target, attempt);
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(f) => return Ok((path, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(e),
        }
    }
}

/// Calls `write` with a buffered writer on a temporary file beside `target`, then renames the
/// file into place. On error the temporary file is removed and `target` is left untouched.
/// An existing target keeps its permissions.
pub fn write_atomically<T>(
    target: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<T>,
) -> io::Result<T> {
    let target = resolve_target(target);
    if target.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "is a directory",
        ));
    }
    let (tmp, file) = create_temp(&target)?;
    let result = (|| {
        let mut w = BufWriter::new(file);
        let value = write(&mut w)?;
        let file = w.into_inner().map_err(|e| e.into_error())?;
        if let Ok(meta) = fs::metadata(&target) {
            file.set_permissions(meta.permissions())?;
        }
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, &target)?;
        Ok(value)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// True when `a` and `b` name the same existing file (through links, `..`, hard links).
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::metadata(a), fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        match (fs::canonicalize(a), fs::canonicalize(b)) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.csv");
        write_atomically(&target, |w| w.write_all(b"one")).unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "one");
        write_atomically(&target, |w| w.write_all(b"two")).unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "two");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temp left");
    }

    #[test]
    fn a_failed_write_leaves_the_target_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.json");
        fs::write(&target, "old").unwrap();
        let r: io::Result<()> = write_atomically(&target, |w| {
            w.write_all(b"half a fi")?;
            Err(io::Error::other("interrupted"))
        });
        assert!(r.is_err());
        assert_eq!(fs::read_to_string(&target).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "temp removed");
    }

    #[test]
    fn refuses_a_directory_and_a_missing_parent() {
        let dir = tempfile::tempdir().unwrap();
        assert!(write_atomically(dir.path(), |w| w.write_all(b"x")).is_err());
        let missing = dir.path().join("no/such/dir/out.md");
        assert!(write_atomically(&missing, |w| w.write_all(b"x")).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn an_existing_target_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("shared.ics");
        fs::write(&target, "old").unwrap();
        fs::set_permissions(&target, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&target, |w| w.write_all(b"new")).unwrap();
        let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn follows_a_symlink_and_knows_the_same_file() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomically(&link, |w| w.write_all(b"new")).unwrap();
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert!(same_file(&link, &real));
        assert!(same_file(&dir.path().join("./real.md"), &real));
        assert!(!same_file(&dir.path().join("other"), &real));
    }
}
