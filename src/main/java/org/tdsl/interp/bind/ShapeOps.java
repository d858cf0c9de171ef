package org.tdsl.interp.bind;

import java.util.ArrayList;
import java.util.List;
import org.tdsl.autograd.Torch;
import org.tdsl.interp.Args;
import org.tdsl.interp.PyTuple;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;
import org.tdsl.tensor.DType;
import org.tdsl.tensor.Tensor;

/** Views, joins, gathers, sorting, dtype conversions and in-place updates. */
final class ShapeOps {
  private ShapeOps() {}

  static void install(OpTable t) {
    t.method("view(input, *shape)", "The same data with another shape (no copy); -1 infers one dim.",
        a -> Torch.view(in(a), Convert.shape(a.varargs("shape"), "view")));
    t.both("reshape(input, *shape)", "Another shape: a view when the strides allow, else a copy.",
        a -> Torch.reshape(in(a), Convert.shape(a.varargs("shape"), "reshape")));
    t.both("flatten(input, start_dim=0, end_dim=-1)", "Merges dims start_dim..end_dim into one.",
        a -> Torch.flatten(in(a), Convert.toInt(a.get("start_dim"), "start_dim"), Convert.toInt(a.get("end_dim"), "end_dim")));
    t.both("t(input)", "The transpose of a matrix (a view).", a -> Torch.t(in(a)));
    t.both("transpose(input, dim0, dim1)", "Swaps two dims (a view).",
        a -> Torch.transpose(in(a), Convert.toInt(a.get("dim0"), "dim0"), Convert.toInt(a.get("dim1"), "dim1")));
    t.alias("swapaxes", "transpose");
    t.both("permute(input, *dims)", "Reorders the dims (a view).", a -> Torch.permute(in(a), Convert.shape(a.varargs("dims"), "permute")));
    t.method("expand(input, *sizes)", "Repeats size-1 dims without copying; -1 keeps a dim.",
        a -> Torch.expand(in(a), Convert.shape(a.varargs("sizes"), "expand")));
    t.method("expand_as(input, other)", "expand to other's shape.",
        a -> Torch.expand_as(in(a), Convert.tensor(a.get("other"), "expand_as", "other")));
    t.method("view_as(input, other)", "view with other's shape.",
        a -> Torch.view(in(a), Convert.tensor(a.get("other"), "view_as", "other").shape()));
    t.method("reshape_as(input, other)", "reshape to other's shape.",
        a -> Torch.reshape(in(a), Convert.tensor(a.get("other"), "reshape_as", "other").shape()));
    t.both("unsqueeze(input, dim)", "Inserts a dim of size 1.", a -> Torch.unsqueeze(in(a), dim(a)));
    t.both("squeeze(input, dim=None)", "Removes dims of size 1 (all, or the one given).",
        a -> a.get("dim") == null ? Torch.squeeze(in(a)) : Torch.squeeze(in(a), dim(a)));
    t.both("narrow(input, dim, start, length)", "length elements of dim from start (a view).",
        a -> Torch.narrow(in(a), dim(a), Convert.toInt(a.get("start"), "start"), Convert.toInt(a.get("length"), "length")));
    t.both("select(input, dim, index)", "One position of dim, which is removed (a view).",
        a -> Torch.select(in(a), dim(a), Convert.toInt(a.get("index"), "index")));
    t.method("contiguous(input)", "A contiguous tensor: itself when already contiguous.", a -> Torch.contiguous(in(a)));
    t.both("clone(input)", "A copy that gradients flow through.", a -> Torch.clone(in(a)));
    t.both("detach(input)", "The same data, cut from the tape.", a -> Torch.detach(in(a)));
    t.method("repeat(input, *sizes)", "Tiles the tensor sizes[i] times along each dim.",
        a -> Torch.repeat(in(a), Convert.shape(a.varargs("sizes"), "repeat")));
    t.both("flip(input, dims)", "Reverses the order along dims.", a -> Torch.flip(in(a), Convert.ints(a.get("dims"), "dims")));
    t.function("cat(tensors, dim=0)", "Joins tensors along an existing dim.", a -> Torch.cat(tensors(a, "cat"), dim(a)));
    t.torch().put("concat", t.torch().get("cat"));
    t.function("stack(tensors, dim=0)", "Joins tensors along a new dim.", a -> Torch.stack(tensors(a, "stack"), dim(a)));
    t.both("split(input, split_size_or_sections, dim=0)", "Pieces of the given size (or sizes) along dim.",
        a -> {
          Object s = a.get("split_size_or_sections");
          List<Tensor> parts = Convert.items(s) != null
              ? Torch.split_with_sizes(in(a), Convert.ints(s, "split_size_or_sections"), dim(a))
              : Torch.split(in(a), Convert.toInt(s, "split_size"), dim(a));
          return new PyTuple(new ArrayList<>(parts));
        });
    t.both("chunk(input, chunks, dim=0)", "chunks pieces of (nearly) equal size along dim.",
        a -> new PyTuple(new ArrayList<>(Torch.chunk(in(a), Convert.toInt(a.get("chunks"), "chunks"), dim(a)))));
    t.both("gather(input, dim, index)", "out[i][j] = input[index[i][j]][j] (for dim 0), and so on.",
        a -> Torch.gather(in(a), dim(a), index(a)));
    t.both("scatter(input, dim, index, src=None, *, value=None)", "Writes src (or value) into a copy at the index positions.",
        a -> a.get("src") instanceof Tensor src ? Torch.scatter(in(a), dim(a), index(a), src)
            : Torch.scatter(in(a), dim(a), index(a), Convert.optionalDouble(a.get("src") != null ? a.get("src") : a.get("value"), "value")));
    t.both("scatter_add(input, dim, index, src)", "Adds src into a copy at the index positions.",
        a -> Torch.scatter_add(in(a), dim(a), index(a), Convert.tensor(a.get("src"), "scatter_add", "src")));
    t.both("index_select(input, dim, index)", "The entries of dim listed in index.",
        a -> Torch.index_select(in(a), dim(a), index(a)));
    t.both("masked_fill(input, mask, value)", "value where mask is True.",
        a -> a.get("value") instanceof Tensor v ? Torch.masked_fill(in(a), mask(a), v)
            : Torch.masked_fill(in(a), mask(a), Convert.optionalDouble(a.get("value"), "value")));
    t.both("topk(input, k, dim=-1, largest=True, sorted=True)", "The k largest (or smallest) elements and their indices.",
        a -> {
          Tensor[] r = Torch.topk(in(a), Convert.toInt(a.get("k"), "k"), dim(a), a.getBool("largest"));
          return ReturnTuple.of("topk", r[0], r[1]);
        });
    t.both("sort(input, dim=-1, descending=False)", "Sorted values and the indices they came from.",
        a -> {
          Tensor[] r = Torch.sort(in(a), dim(a), a.getBool("descending"));
          return ReturnTuple.of("sort", r[0], r[1]);
        });
    t.both("argsort(input, dim=-1, descending=False)", "The indices that sort input along dim.",
        a -> Torch.argsort(in(a), dim(a), a.getBool("descending")));

    conversions(t);
    inPlace(t);
  }

  private static void conversions(OpTable t) {
    t.method("to(input, *args, dtype=None, device=None, non_blocking=False, copy=False)",
        "Converted to a dtype, another tensor's dtype, or a device (only 'cpu'); itself when nothing changes.",
        a -> {
          DType dtype = Convert.dtype(a.get("dtype"));
          if (a.get("device") != null) Device.usable(a.get("device"));
          for (Object arg : a.varargs("args").items()) {
            if (arg instanceof Tensor other) dtype = other.dtype();
            else if (!Device.checkedIfDevice(arg)) dtype = Convert.dtype(arg);
          }
          Tensor out = dtype == null ? in(a) : Torch.to(in(a), dtype);
          return a.getBool("copy") && out == in(a) ? Torch.clone(out) : out;
        });
    t.method("cpu(input)", "Itself: tdsl tensors live on the CPU.", a -> in(a));
    t.method("cuda(input, device=None)", "Fails: tdsl has no CUDA.", a -> Device.usable("cuda"));
    t.method("float(input)", "Converted to float32.", a -> Torch.to(in(a), DType.FLOAT32));
    t.method("long(input)", "Converted to int64.", a -> Torch.to(in(a), DType.INT64));
    t.method("int(input)", "Converted to int64 (tdsl has no int32).", a -> Torch.to(in(a), DType.INT64));
    t.method("bool(input)", "Converted to bool.", a -> Torch.to(in(a), DType.BOOL));
    for (String wide : List.of("double", "half", "bfloat16")) {
      t.method(wide + "(input)", "Not available: tdsl tensors are float32, int64 or bool.", a -> {
        throw new TdslError("tdsl has no " + wide + " tensors: its dtypes are float32, int64 and bool (use .float())");
      });
    }
    t.method("type_as(input, other)", "Converted to other's dtype.",
        a -> Torch.to(in(a), Convert.tensor(a.get("other"), "type_as", "other").dtype()));
  }

  private static void inPlace(OpTable t) {
    t.method("zero_(input)", "Fills with zeros, in place.", a -> Torch.zero_(in(a)));
    t.method("fill_(input, value)", "Fills with value, in place.", a -> Torch.fill_(in(a), a.getDouble("value")));
    t.method("add_(input, other, *, alpha=1)", "input += alpha * other, in place.",
        a -> Torch.add_(in(a), Convert.operand(a.get("other"), "add_"), a.getDouble("alpha")));
    t.method("sub_(input, other, *, alpha=1)", "input -= alpha * other, in place.",
        a -> Torch.sub_(in(a), Convert.operand(a.get("other"), "sub_"), a.getDouble("alpha")));
    t.method("mul_(input, other)", "input *= other, in place.", a -> Torch.mul_(in(a), Convert.operand(a.get("other"), "mul_")));
    t.method("div_(input, other)", "input /= other, in place.", a -> Torch.div_(in(a), Convert.operand(a.get("other"), "div_")));
    t.method("pow_(input, exponent)", "input **= exponent, in place.", a -> Torch.pow_(in(a), a.getDouble("exponent")));
    t.method("clamp_(input, min=None, max=None)", "clamp, in place.",
        a -> Torch.clamp_(in(a), Convert.optionalDouble(a.get("min"), "min"), Convert.optionalDouble(a.get("max"), "max")));
    t.method("copy_(input, src)", "Copies src's values in (broadcasting), in place.",
        a -> Torch.copy_(in(a), Convert.operand(a.get("src"), "copy_")));
    t.method("masked_fill_(input, mask, value)", "value where mask is True, in place.",
        a -> Torch.masked_fill_(in(a), mask(a), a.getDouble("value")));
    t.method("uniform_(input, a=0.0, b=1.0, *, generator=None)", "Fills with uniform random numbers in [a, b), in place.",
        a -> Generators.draw(a, () -> {
          Tensor self = in(a);
          double lo = a.getDouble("a"), hi = a.getDouble("b");
          Tensor recorded = Tensor.replayed("uniform_", self.shape());
          return Torch.copy_(self, recorded != null ? recorded : Torch.add(Torch.mul(Tensor.rand(self.shape()), hi - lo), lo));
        }));
    t.method("normal_(input, mean=0.0, std=1.0, *, generator=None)", "Fills with normal random numbers, in place.",
        a -> Generators.draw(a, () -> {
          Tensor self = in(a);
          Tensor recorded = Tensor.replayed("normal_", self.shape());
          return Torch.copy_(self, recorded != null ? recorded
              : Torch.add(Torch.mul(Tensor.randn(self.shape()), a.getDouble("std")), a.getDouble("mean")));
        }));
    t.method("bernoulli_(input, p=0.5, *, generator=None)", "Fills with 1 (probability p, a number or a tensor) or 0, in place.",
        a -> Generators.draw(a, () -> {
          Tensor self = in(a);
          Tensor recorded = Tensor.replayed("bernoulli_", self.shape());
          Object p = a.get("p");
          Tensor drawn = recorded != null ? recorded
              : p instanceof Tensor pt ? Tensor.bernoulli(pt.to(org.tdsl.tensor.DType.FLOAT32).expand(self.shape()))
              : Tensor.bernoulli(a.getDouble("p"), self.shape());
          return Torch.copy_(self, drawn);
        }));
  }

  private static Tensor in(Args a) {
    return MathOps.in(a);
  }

  private static int dim(Args a) {
    return Convert.toInt(a.get("dim"), "dim");
  }

  private static Tensor index(Args a) {
    return Convert.tensor(a.get("index"), null, "index");
  }

  private static Tensor mask(Args a) {
    return Convert.tensor(a.get("mask"), null, "mask");
  }

  private static List<Tensor> tensors(Args a, String fn) {
    List<Object> items = Convert.items(a.get("tensors"));
    if (items == null) {
      throw new TdslError(fn + "(): argument 'tensors' must be tuple of Tensors, not " + Values.typeName(a.get("tensors")));
    }
    List<Tensor> out = new ArrayList<>();
    for (Object o : items) out.add(Convert.tensor(o, fn, "tensors"));
    return out;
  }
}
