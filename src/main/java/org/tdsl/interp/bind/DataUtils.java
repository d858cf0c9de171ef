package org.tdsl.interp.bind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tdsl.data.DataLoader;
import org.tdsl.data.Dataset;
import org.tdsl.data.Subset;
import org.tdsl.data.TensorDataset;
import org.tdsl.interp.Args;
import org.tdsl.interp.Builtin;
import org.tdsl.interp.Builtins;
import org.tdsl.interp.PyCallable;
import org.tdsl.interp.PyList;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;
import org.tdsl.tensor.Tensor;

/**
 * torch.utils.data: Dataset, TensorDataset, DataLoader, Subset and random_split, reachable as
 * torch.utils.data.NAME and by their bare names. A dataset is anything with a length and
 * items (a user's class with __len__ and __getitem__, a list); datasets of tensors load by
 * copying rows.
 */
final class DataUtils {
  private DataUtils() {}

  static void install(Builtins b, Namespace torch) {
    Namespace utils = new Namespace("torch.utils");
    Namespace data = new Namespace("torch.utils.data");
    utils.put("data", data);
    torch.put("utils", utils);
    PyCallable len = b.functions().stream().filter(f -> f.name().equals("len")).findFirst().orElseThrow();

    // Dataset, the class programs subclass, is LibraryClasses' (installed after this)
    put(b, data, "TensorDataset(*tensors)", "A dataset whose i-th item is (t[i] for each tensor).", a -> {
      List<Tensor> ts = new ArrayList<>();
      for (Object o : a.varargs("tensors").items()) ts.add(Convert.tensor(o, "TensorDataset", "tensors"));
      return new TensorDataset(ts.toArray(new Tensor[0]));
    });
    put(b, data, "DataLoader(dataset, batch_size=1, shuffle=False, sampler=None, batch_sampler=None, num_workers=0,"
        + " collate_fn=None, pin_memory=False, drop_last=False, timeout=0, worker_init_fn=None, generator=None, *,"
        + " prefetch_factor=2, persistent_workers=False, progress=True)",
        "Batches of a dataset (reshuffled every epoch when shuffle=True), collated into tensors; num_workers is accepted"
            + " and loading stays in this thread (docs/CHOICES.md); loops show a progress bar on a terminal (progress=False: none).",
        a -> loader(a, len));
    put(b, data, "Subset(dataset, indices)", "The items of dataset at indices, in that order.",
        a -> subset(a.get("dataset"), Values.toList(a.get("indices"), a.interpreter()), a));
    put(b, data, "random_split(dataset, lengths, generator=None)",
        "Splits a dataset into non-overlapping random Subsets of the given lengths (or fractions summing to 1).",
        a -> randomSplit(a, len));
  }

  private static void put(Builtins b, Namespace ns, String signature, String help, org.tdsl.interp.BuiltinFn impl) {
    Builtin f = b.register(signature.substring(0, signature.indexOf('(')), signature, help, impl);
    ns.put(f.name(), f);
  }

  private static Object loader(Args a, PyCallable len) {
    Object dataset = fastest(a.get("dataset"));
    if (a.get("batch_sampler") != null) throw new TdslError("DataLoader(): tdsl does not support batch_sampler= yet");
    Object batch = a.get("batch_size");
    Integer batchSize = batch == null ? null : Convert.toInt(batch, "batch_size");
    if (batchSize != null && batchSize <= 0) {
      throw new TdslError("batch_size should be a positive integer value, but got batch_size=" + batchSize);
    }
    if (a.get("sampler") != null && a.getBool("shuffle")) throw new TdslError("sampler option is mutually exclusive with shuffle");
    if (Convert.toInt(a.get("num_workers"), "num_workers") < 0) {
      throw new TdslError("num_workers option should be non-negative; use num_workers=0 to disable multiprocessing.");
    }
    if (a.get("generator") != null) Generators.draw(a.get("generator"), () -> null);  // checks its type now
    if (dataset instanceof Dataset d && batchSize != null && a.get("collate_fn") == null && a.get("sampler") == null) {
      return new TrainingOps.Loader(new DataLoader(d, batchSize, a.getBool("shuffle"), a.getBool("drop_last")), a);
    }
    return new ItemLoader(dataset, batchSize, a.getBool("shuffle"), a.getBool("drop_last"), a.get("collate_fn"),
        a.get("sampler"), a.get("generator"), len, a.interpreter());
  }

  /** A torchvision dataset whose transform tdsl knows loads as its tensors, without calling the transform per image. */
  private static Object fastest(Object dataset) {
    return dataset instanceof VisionDataset v && v.fast() != null ? v.fast() : dataset;
  }

  private static Object subset(Object given, List<Object> indices, Args a) {
    Object dataset = fastest(given);
    List<Object> at = new ArrayList<>(indices.size());
    for (Object i : indices) at.add(index(i));
    if (dataset instanceof Dataset d) {
      int[] rows = new int[at.size()];
      for (int i = 0; i < rows.length; i++) rows[i] = (int) (long) (Long) at.get(i);
      return new Subset(d, rows);
    }
    return new ItemSubset(dataset, at, a.interpreter());
  }

  /** An index as Python's int: ints, and one-element integer tensors (Subset(ds, torch.tensor([4, 1]))). */
  private static Long index(Object i) {
    if (i instanceof Tensor t && t.numel() == 1 && !t.dtype().isFloatingPoint()) return t.getLong(0);
    return Values.toIndex(i);
  }

  /** PyTorch 1.13's random_split: fractions become lengths (the remainder dealt round-robin), then one randperm. */
  private static Object randomSplit(Args a, PyCallable len) {
    Object dataset = a.get("dataset");
    long n = Values.toIndex(a.interpreter().callValue(len, List.of(dataset), Map.of()));
    List<Object> given = Values.toList(a.get("lengths"), a.interpreter());
    long[] lengths = new long[given.size()];
    double total = 0;
    for (Object g : given) total += Values.toDouble(g);
    if (Math.abs(total - 1) <= 1e-9 && total <= n) {
      long assigned = 0;
      for (int i = 0; i < lengths.length; i++) {
        double frac = Values.toDouble(given.get(i));
        if (frac < 0 || frac > 1) throw new TdslError("Fraction at index " + i + " is not between 0 and 1");
        lengths[i] = (long) Math.floor(n * frac);
        assigned += lengths[i];
      }
      for (long i = 0; i < n - assigned; i++) lengths[(int) (i % lengths.length)]++;
      for (int i = 0; i < lengths.length; i++) {
        if (lengths[i] == 0) {
          a.interpreter().host().warn("UserWarning", "Length of split at index " + i + " is 0. This might result in an empty dataset.");
        }
      }
    } else {
      for (int i = 0; i < lengths.length; i++) lengths[i] = Values.toIndex(given.get(i));
    }
    long sum = 0;
    for (long l : lengths) sum += l;
    if (sum != n) throw new TdslError("Sum of input lengths does not equal the length of the input dataset!");
    long[] perm = Generators.draw(a.get("generator"), () -> Tensor.randperm((int) n)).toLongArray();
    List<Object> splits = new ArrayList<>();
    int offset = 0;
    for (long l : lengths) {
      List<Object> indices = new ArrayList<>();
      for (int k = 0; k < l; k++) indices.add(perm[offset + k]);
      offset += (int) l;
      splits.add(subset(dataset, indices, a));
    }
    return new PyList(splits);
  }
}
