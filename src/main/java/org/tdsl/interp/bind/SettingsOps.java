package org.tdsl.interp.bind;

import org.tdsl.interp.Args;
import org.tdsl.interp.Builtin;
import org.tdsl.interp.TdslError;
import org.tdsl.tensor.DType;
import org.tdsl.tensor.format.PrintOptions;

/** torch.set_printoptions, torch.set_default_dtype / get_default_dtype, set_default_device, torch.accelerator. */
final class SettingsOps {
  private SettingsOps() {}

  static void install(OpTable t) {
    t.function("set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, profile=None, sci_mode=None)",
        "How tensors print: digits after the point, the element count past which they are summarised with ..., the items kept at each edge, the line width, scientific notation (True, False or None: decide).",
        a -> { PrintOptions.setCurrent(printOptions(a)); return null; });
    t.function("set_default_dtype(d)", "The dtype of new float tensors: float32 (the only float dtype tdsl has so far).",
        a -> {
          Object d = a.get("d");
          if (d instanceof DType type && !type.isFloatingPoint()) {
            throw new TdslError("only floating-point types are supported as the default type");
          }
          if (d != DType.FLOAT32) throw new TdslError("tdsl has only torch.float32 as a floating-point type so far");
          return null;
        });
    t.function("get_default_dtype()", "The dtype of new float tensors: torch.float32.", a -> DType.FLOAT32);
    t.function("set_default_device(device)", "The device of new tensors: 'cpu' (or None), the only one tdsl computes on.",
        a -> { if (a.get("device") != null) Device.usable(a.get("device")); return null; });
    t.function("get_default_device()", "The device of new tensors: cpu.", a -> Device.CPU);
    Namespace accelerator = new Namespace("torch.accelerator");
    accelerator.put("is_available", new Builtin("is_available", "is_available()", "False: tdsl computes on the CPU.", a -> false));
    // PyTorch answers None (not cpu) when no accelerator is present, so `.type` after it fails there too
    accelerator.put("current_accelerator", new Builtin("current_accelerator", "current_accelerator(check_available=False)",
        "None: tdsl has no accelerator.", a -> null));
    accelerator.put("device_count", new Builtin("device_count", "device_count()", "0: tdsl has no accelerator.", a -> 0L));
    t.torch().put("accelerator", accelerator);
  }

  private static PrintOptions printOptions(Args a) {
    PrintOptions o = a.get("profile") != null ? PrintOptions.profile(a.getString("profile")) : PrintOptions.current();
    int precision = a.get("precision") == null ? o.precision() : Convert.toInt(a.get("precision"), "precision");
    long threshold = a.get("threshold") == null ? o.threshold()
        : a.get("threshold") instanceof Double d ? (d.isInfinite() ? Long.MAX_VALUE : (long) (double) d) : a.getLong("threshold");
    int edge = a.get("edgeitems") == null ? o.edgeItems() : Convert.toInt(a.get("edgeitems"), "edgeitems");
    int width = a.get("linewidth") == null ? o.lineWidth() : Convert.toInt(a.get("linewidth"), "linewidth");
    Object sci = a.get("sci_mode");
    if (sci != null && !(sci instanceof Boolean)) throw new TdslError("sci_mode must be True, False or None");
    return new PrintOptions(precision, threshold, edge, width, (Boolean) sci);
  }
}
