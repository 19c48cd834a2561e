export class VeoClient {}
