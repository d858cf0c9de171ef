package org.tdsl.interp;

import java.io.IOException;
import java.nio.file.Path;
import org.tdsl.io.DrawFile;
import org.tdsl.tensor.DrawReplay;
import org.tdsl.tensor.Rng;

/**
 * A recording of PyTorch's random draws (src/test/golden/corpus/record_draws.py) for the
 * command line's hidden {@code --replay-draws FILE}: while installed, this thread's draws
 * come from it instead of the generator (docs/CHOICES.md, "Replayed random draws").
 */
public final class RecordedDraws {
  /** Ends an installation: the thread draws from its generator again. */
  public interface Installed extends AutoCloseable {
    @Override void close();
  }

  private final DrawReplay recording;

  private RecordedDraws(DrawReplay recording) {
    this.recording = recording;
  }

  public static RecordedDraws read(Path file) throws IOException {
    return new RecordedDraws(DrawFile.read(file));
  }

  /** Makes this thread's draws come from the recording until the result is closed. */
  public Installed install() {
    Rng rng = Rng.current();
    rng.replay(recording);
    return () -> rng.replay(null);
  }
}
