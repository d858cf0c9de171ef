package org.tdsl.interp.bind;

import java.util.List;
import org.tdsl.interp.Builtin;
import org.tdsl.interp.Builtins;
import org.tdsl.interp.Protocol;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;
import org.tdsl.syntax.CmpOp;

/**
 * torch.device, so that pasted code which moves models and batches to a device runs: tdsl
 * computes on the CPU, so {@code .to("cpu")} and {@code .cpu()} are no-ops, and asking for
 * CUDA or MPS fails as PyTorch does on a machine without them.
 */
record Device(String type, Integer index) {
  private static final List<String> TYPES = List.of("cpu", "cuda", "mps", "xpu", "meta");

  static final Device CPU = new Device("cpu", null);

  /** {@code torch.device("cuda:0")}: any known type is a valid device; only using it may fail. */
  static Device parse(String spec) {
    String type = spec;
    Integer index = null;
    int colon = spec.indexOf(':');
    if (colon >= 0) {
      type = spec.substring(0, colon);
      try {
        index = Integer.parseInt(spec.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new TdslError("Invalid device string: '" + spec + "'");
      }
    }
    if (!TYPES.contains(type)) {
      throw new TdslError("Expected one of cpu, cuda, mps, xpu, meta device type at start of device string: " + spec);
    }
    return new Device(type, index);
  }

  /** A device argument (a Device or its string), checked usable here: only the CPU is. */
  static Device usable(Object v) {
    Device d = v instanceof Device dev ? dev : v instanceof String s ? parse(s) : null;
    if (d == null) throw new TdslError("expected a device, not " + Values.typeName(v));
    if (d.type.equals("cuda")) throw new TdslError("Torch not compiled with CUDA enabled");
    if (!d.type.equals("cpu")) throw new TdslError("tdsl computes on the CPU only; device '" + d.type + "' is not available");
    return d;
  }

  /** For .to(*args): true when arg names a device (then checked usable), false for anything else. */
  static boolean checkedIfDevice(Object arg) {
    if (!(arg instanceof String || arg instanceof Device)) return false;
    usable(arg);
    return true;
  }

  static boolean isDevice(Object v) {
    return v instanceof Device || v instanceof String s && TYPES.contains(s.contains(":") ? s.substring(0, s.indexOf(':')) : s);
  }

  static void install(Builtins b, Namespace torch) {
    var device = b.register("device", "device(type)", "A device: 'cpu' (tdsl computes on the CPU; 'cuda' and 'mps' exist but are not available).",
        a -> parse(a.getString("type")));
    torch.put("device", device);
    Namespace cuda = new Namespace("torch.cuda");
    cuda.put("is_available", new Builtin("is_available", "is_available()", "False: tdsl has no CUDA.", a -> false));
    cuda.put("device_count", new Builtin("device_count", "device_count()", "0: tdsl has no CUDA.", a -> 0L));
    torch.put("cuda", cuda);
    Namespace mps = new Namespace("torch.backends.mps");
    mps.put("is_available", new Builtin("is_available", "is_available()", "False: tdsl has no MPS.", a -> false));
    Namespace backends = new Namespace("torch.backends");
    backends.put("mps", mps);
    torch.put("backends", backends);
    b.registerProtocol(Device.class, PROTOCOL);
  }

  static final Protocol<Device> PROTOCOL = new Protocol<>() {
    @Override public String typeName(Device self) { return "device"; }

    @Override public String repr(Device self) {
      return "device(type='" + self.type + "'" + (self.index == null ? "" : ", index=" + self.index) + ")";
    }

    @Override public String str(Device self) { return self.type + (self.index == null ? "" : ":" + self.index); }

    @Override public List<String> attributeNames(Device self) { return List.of("type", "index"); }

    @Override public Object getAttr(Device self, String name) {
      return switch (name) {
        case "type" -> self.type;
        case "index" -> self.index == null ? null : (Object) (long) self.index;
        default -> UNSUPPORTED;
      };
    }

    @Override public Object compare(Device self, CmpOp op, Object other) {
      if (op != CmpOp.EQ && op != CmpOp.NE) return UNSUPPORTED;
      boolean eq = other instanceof Device d ? d.equals(self) : other instanceof String s && isDevice(s) && parse(s).equals(self);
      return op == CmpOp.EQ ? eq : !eq;
    }
  };
}
