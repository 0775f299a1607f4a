import { Mail, Paperclip, Plus, Send, Trash2 } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { Switch } from "@/app/_components/ui/switch";
import { Textarea } from "@/app/_components/ui/textarea";
import { Section } from "./section";

export function DemoButtons() {
  return (
    <Section title="Buttons" description="Variants, sizes, icons, loading and disabled states.">
      <div className="flex flex-wrap items-center gap-2">
        <Button>Primary</Button>
        <Button variant="secondary">Secondary</Button>
        <Button variant="outline">Outline</Button>
        <Button variant="ghost">Ghost</Button>
        <Button variant="danger">
          <Trash2 aria-hidden /> Delete
        </Button>
        <Button variant="link">Link</Button>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm">
          <Plus aria-hidden /> Small
        </Button>
        <Button size="md">Medium</Button>
        <Button size="lg">
          <Send aria-hidden /> Large
        </Button>
        <Button size="icon" variant="outline" aria-label="Attach file">
          <Paperclip aria-hidden />
        </Button>
        <Button loading>Saving…</Button>
        <Button variant="outline" loading>
          Loading
        </Button>
        <Button disabled>Disabled</Button>
        <Button variant="outline" disabled>
          Disabled
        </Button>
        <Button asChild variant="secondary">
          <a href="#forms">
            <Mail aria-hidden /> asChild link
          </a>
        </Button>
      </div>
    </Section>
  );
}

export function DemoForms() {
  return (
    <Section title="Form controls" description="Field wires label, hint and error to the control.">
      <form id="forms" className="grid gap-4 sm:grid-cols-2">
        <Field label="Your e-mail" hint="We reply to this address." required>
          <Input type="email" name="email" placeholder="you@example.com" required />
        </Field>
        <Field label="Subject" error="Please enter a subject.">
          <Input name="subject" defaultValue="" placeholder="Short summary" />
        </Field>
        <Field label="Priority">
          <Select name="priority" defaultValue="normal">
            <option value="low">Low</option>
            <option value="normal">Normal</option>
            <option value="high">High</option>
            <option value="urgent">Urgent</option>
          </Select>
        </Field>
        <Field label="Disabled input" hint="Read-only for customers.">
          <Input disabled defaultValue="TCK-1042" />
        </Field>
        <Field label="Message" className="sm:col-span-2" labelAside={<a className="text-primary-700 underline" href="#forms">Markdown help</a>}>
          <Textarea name="body" placeholder="Describe the problem…" autoGrow />
        </Field>
        <Field label="Attachment">
          <Input type="file" name="file" />
        </Field>
        <div className="grid content-start gap-3">
          <Checkbox name="notify" defaultChecked label="Notify the customer" description="Sends the reply by e-mail." />
          <Checkbox name="internal" label="Internal note" />
          <Switch name="autoClose" defaultChecked label="Close after reply" description="Switch with a hidden input." />
          <Switch name="digest" size="sm" label="Daily digest (small)" />
          <Switch disabled label="Disabled switch" />
        </div>
      </form>
    </Section>
  );
}
